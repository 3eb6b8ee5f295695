"""Researcher REST API (filled in by issue 4)."""

from fastapi import APIRouter

router = APIRouter(tags=["api"])
