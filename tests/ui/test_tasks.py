"""The long-job helper (desktop/ui/tasks.py): what a job reports of its progress reaches the GUI
thread while the job is the current one, and never once it was replaced or cancelled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.qt import HeldThreadPool

from desktop.ui.tasks import Jobs

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.ui.tasks import CancelFlag


def _pages(total: int) -> Callable[[CancelFlag], int]:
    def job(flag: CancelFlag) -> int:
        for page in range(1, total + 1):
            flag.report(page, total)
        return total

    return job


def _crash(error: BaseException) -> None:
    raise error


def test_progress_is_heard_from_the_current_job_only(qapp) -> None:
    pool = HeldThreadPool()
    jobs = Jobs(pool, changed=lambda: None, crashed=_crash)
    heard: list[tuple[int, int]] = []
    done: list[int] = []

    def start(total: int) -> None:
        jobs.start("load", _pages(total), done.append, _crash, lambda *p: heard.append(p))

    start(3)
    start(2)  # replaces the first, which has not run yet
    pool.run(0)  # the outdated job runs now: none of its pages are heard, its result dropped
    assert heard == []
    assert done == []
    pool.run(0)
    assert heard == [(1, 2), (2, 2)]
    assert done == [2]

    heard.clear()
    start(4)
    jobs.stop("load")  # cancelled before it ran
    pool.run_all()
    assert heard == []
    assert done == [2]


def test_a_job_without_a_listener_may_still_report(qapp) -> None:
    pool = HeldThreadPool()
    jobs = Jobs(pool, changed=lambda: None, crashed=_crash)
    done: list[int] = []
    jobs.start("rank", _pages(2), done.append, _crash)
    pool.run_all()
    assert done == [2]
