"""The pipeline: the stages of newspipe in order, and the joins between them, in one place.

`run_pipeline` (run.py) is one run from inputs to a published warehouse; the Prefect flow,
the evaluations and the benchmarks all call it, with a runner of their own (`LocalRunner`
runs it in this process). phases.py holds what each task does, over Arrow tables;
isolation.py the mechanism that keeps one document from failing a run.
"""

from newspipe.pipeline.isolation import RUN_FAILURES, RunFailure, isolate
from newspipe.pipeline.phases import step_seconds
from newspipe.pipeline.run import LocalRunner, Runner, RunOutcome, new_run_id, run_pipeline

__all__ = [
    "RUN_FAILURES",
    "LocalRunner",
    "RunFailure",
    "RunOutcome",
    "Runner",
    "isolate",
    "new_run_id",
    "run_pipeline",
    "step_seconds",
]
