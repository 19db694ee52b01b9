"""Events: which real-world happening each article reports (global, the last enrichment).

`assign_events` (assign.py) clusters this run's canonical articles into the live events of
the warehouse and new ones (clustering.py, over the features of features.py), gives every
copy its canonical's event, and labels the events (labels.py).
"""

from newspipe.enrich.events.assign import EventResult, assign_events
from newspipe.enrich.events.clustering import STATE_SCHEMA

__all__ = ["STATE_SCHEMA", "EventResult", "assign_events"]
