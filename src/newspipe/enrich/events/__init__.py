"""Events: which real-world happening each article reports (global, the last enrichment).

`assign_events` clusters this run's canonical articles into the live events of the
warehouse and new ones (clustering.py) and gives every copy its canonical's event.
"""

from newspipe.enrich.events.clustering import STATE_SCHEMA, EventResult, assign_events

__all__ = ["STATE_SCHEMA", "EventResult", "assign_events"]
