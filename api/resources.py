"""Linked-data dereferencing of minted IRIs (filled in by issue 4)."""

from fastapi import APIRouter

router = APIRouter(tags=["linked data"])
