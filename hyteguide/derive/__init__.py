"""STAGE 2, derive: the guide that templates show (indexes, relations, the window of occurrences),
paging, and the coordinator's report.
"""
