"""When delivery runs: the clock and the trigger that calls `deliver_due()`."""
