"""The query parameter every list endpoint pages with (see ``app.schemas.pagination``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

CursorQuery = Annotated[
    str | None,
    Query(max_length=512, description="`next_cursor` of the previous page; omit for the first page."),
]
