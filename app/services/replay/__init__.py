"""Replay jobs: as-recorded reproduction and impact of another rule-set version (see ``runner``)."""
