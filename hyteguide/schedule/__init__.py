"""The calendar engine: schedule rules → dated occurrences and series, what a written time means on
a day, and the checks of rules and times.
"""
