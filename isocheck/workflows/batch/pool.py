"""Worker processes for the batch: a ``concurrent.futures`` process pool that survives the death of a worker.

``ProcessPoolExecutor`` is used as it is; three things are added around it:

- **Crash isolation.** A worker that dies (SIGKILL, a segfault in the engine's C core, an action calling
  ``os._exit``) breaks the executor, which then stops every other worker with SIGTERM and fails every
  unfinished task. Each worker writes the index of the item it is working on in its own slot of a shared
  array (the job marks each item of its chunk as it starts on it) and clears it when the chunk is done, or
  when the pool stops it (its SIGTERM handler). After a break
  the items still marked are the ones whose worker died: they are reported as crashed (with the exit code
  when the executor kept it). Every other unfinished item goes to a fresh executor, so a dead worker costs
  at most the item it was working on — also when it died right after sending a result (that result was
  read before the death was noticed).
- **No orphans.** Each worker asks the kernel for SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``
  through ctypes, Linux) and then checks that its parent is still the one that started it (the parent
  may have died before the call). Where prctl is not available, a daemon thread checks the parent once a
  second instead (it never touches the engine).
- **Ctrl-C and SIGTERM.** Workers ignore SIGINT (the terminal sends it to the whole process group); the
  parent turns SIGINT and SIGTERM into :class:`Interrupted`, kills its workers and lets the caller clean up.
  The exception is never raised inside the executor's own calls (``submit``, ``wait``): an exception
  raised there by a signal handler can leave a future's lock taken, and the executor's thread then blocks
  on it forever (the parent never exits). A signal arriving there is kept and raised as soon as the call
  returns (``wait`` returns at least twice a second). Killing the workers may cut a result in half in the
  result pipe; :meth:`Pool.kill` closes the parent's end of it so that the executor's thread sees the end
  of the file instead of waiting for the rest.

Items are sent in small chunks (fewer round trips) inside a bounded window, and results are handed back
strictly in item order, so the output does not depend on scheduling or on the number of workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

PR_SET_PDEATHSIG = 1
Job = Callable[[list, Callable[[int], None]], list]  # job(chunk of items, mark) -> their results, in order
_IDLE = -1


_MAX_FRUITLESS = 3


class WorkersFailed(RuntimeError):
    """The worker processes died again and again before checking anything (they cannot start)."""

    def __init__(self, times: int):
        super().__init__(f"the worker processes died {times} times in a row before checking any agency")
        self.times = times


class Interrupted(BaseException):
    """SIGINT (Ctrl-C) or SIGTERM reached the parent during a batch; ``signum`` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


# -- in the worker ------------------------------------------------------------------------------------

_SLOTS: Any = None  # this generation's shared array: [pid, item] per worker
_SLOT = -1
_JOB: Job | None = None


def _ask_for_death_with_parent(parent: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):  # not Linux: watch the parent from a thread
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _on_sigterm(signum, frame) -> None:  # stopped by the pool (it broke, or it shuts down): not a crash
    if _SLOTS is not None and _SLOT >= 0:
        _SLOTS[2 * _SLOT + 1] = _IDLE
    os._exit(0)


def _init_worker(slots, counter, parent: int, setup: Callable[[], Job]) -> None:
    global _SLOTS, _SLOT, _JOB
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)
    _ask_for_death_with_parent(parent)
    with counter.get_lock():
        _SLOT = counter.value
        counter.value += 1
    _SLOTS = slots
    slots[2 * _SLOT] = os.getpid()
    slots[2 * _SLOT + 1] = _IDLE
    _JOB = setup()


def _run_chunk(chunk: Sequence[tuple[int, Any]]) -> list[tuple[int, Any]]:
    assert _JOB is not None
    indices = [index for index, _ in chunk]

    def mark(k: int) -> None:  # the job is on the chunk's k-th item now
        _SLOTS[2 * _SLOT + 1] = indices[k]

    results = _JOB([item for _, item in chunk], mark)
    _SLOTS[2 * _SLOT + 1] = _IDLE
    return list(zip(indices, results, strict=True))


# -- in the parent ------------------------------------------------------------------------------------


class Pool:
    """Runs ``job(chunk, mark)`` in ``workers`` processes; :meth:`results` yields ``(index, result)`` in index order.

    ``setup`` runs once in each worker and returns the job (so each worker builds its own engine), which
    gets a chunk of items and returns their results in order, calling ``mark(k)`` whenever it starts on the
    chunk's k-th item (the item a dying worker is blamed for);
    ``crashed(item, exit_code)`` makes the result of an item whose worker died. Use it as a context
    manager: leaving the ``with`` block early (an error, Ctrl-C) kills the workers.
    """

    def __init__(
        self,
        setup: Callable[[], Job],
        crashed: Callable[[Any, int | None], Any],
        workers: int,
        chunk: int = 8,
    ):
        self.setup, self.crashed = setup, crashed
        self.workers = max(1, workers)
        self.chunk = max(1, chunk)
        self.context = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self._executor: ProcessPoolExecutor | None = None
        self._slots: Any = None
        self._processes: dict[int, Any] = {}  # pid -> Process of the current generation, kept after shutdown
        self._stalled = 0  # waits in a row with a dead worker that the executor did not notice
        self._signals = signals_as_interrupted()

    def __enter__(self) -> Pool:
        self._signals.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is not None:
                self.kill()
            else:
                self._stop()
        finally:
            self._signals.__exit__(None, None, None)

    def results(self, items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        todo = list(range(len(items)))[::-1]  # a stack of indices still to send, the next one on top
        done: dict[int, Any] = {}
        emitted = 0
        fruitless = 0  # generations in a row that broke before checking anything
        while emitted < len(items):
            if fruitless >= _MAX_FRUITLESS:
                raise WorkersFailed(fruitless)
            futures: dict[Future, list] = {}
            progress = emitted, len(done)
            with _signals_deferred():
                self._start()
            try:
                while todo or futures:
                    with _signals_deferred():
                        while todo and len(futures) < self.workers * 3:
                            chunk = [(i, items[i]) for i in _pop(todo, self.chunk)]
                            futures[self._executor.submit(_run_chunk, chunk)] = chunk  # type: ignore[union-attr]
                        finished, _ = wait(list(futures), timeout=0.5, return_when=FIRST_COMPLETED)
                        if not finished:  # 2 s with a dead worker that the executor did not notice
                            self._stalled = self._stalled + 1 if _dead_unnoticed(self._executor) else 0
                            if self._stalled >= 4:
                                self._stalled = 0
                                _unstick(self._executor)
                    for future in finished:
                        result = future.result()  # raises BrokenProcessPool when a worker died
                        del futures[future]
                        done.update(result)
                    while emitted in done:
                        yield emitted, done.pop(emitted)
                        emitted += 1
            except BrokenProcessPool:
                lost = self._recover(futures, todo, done)
                for index, code in lost:
                    done[index] = self.crashed(items[index], code)
                fruitless = 0 if lost or (emitted, len(done)) != progress else fruitless + 1
            while emitted in done:
                yield emitted, done.pop(emitted)
                emitted += 1
            self._stop()

    def _start(self) -> None:
        slots = self.context.Array("q", [_IDLE] * (2 * self.workers), lock=False)
        self._executor = ProcessPoolExecutor(
            self.workers,
            mp_context=self.context,
            initializer=_init_worker,
            initargs=(slots, self.context.Value("i", 0), os.getpid(), self.setup),
        )
        self._slots = slots
        self._processes = {}

    def _recover(self, futures: dict[Future, list], todo: list[int], done: dict) -> list[tuple[int, int | None]]:
        """After a break: ``(index, exit code)`` of the items whose worker died; every other unfinished
        item goes back on the stack."""
        self._stop()  # joins the workers: every slot is final, every exit code known
        slots = self._slots
        dead = {slots[2 * k + 1]: slots[2 * k] for k in range(self.workers) if slots[2 * k + 1] != _IDLE}
        unfinished: set[int] = set()
        for future, chunk in futures.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                done.update(future.result())
            else:
                unfinished.update(i for i, _ in chunk)
        unfinished -= done.keys()
        lost = sorted(unfinished & dead.keys())
        todo.extend(unfinished - set(lost))
        todo.sort(reverse=True)
        futures.clear()
        return [(index, getattr(self._processes.get(dead[index]), "exitcode", None)) for index in lost]

    def _stop(self) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # the executor's own records of its processes (a private attribute, read defensively): after the
        # shutdown below has joined them, each Process keeps its exit code
        self._processes.update(getattr(executor, "_processes", None) or {})
        with _signals_deferred():
            executor.shutdown(wait=True, cancel_futures=True)

    def kill(self) -> None:
        """Stop every worker at once (Ctrl-C, SIGTERM, an error in the parent)."""
        executor = self._executor
        pids = set(getattr(executor, "_processes", None) or {})
        if self._slots is not None:
            pids.update(self._slots[2 * k] for k in range(self.workers))
        pids.discard(_IDLE)
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        # A worker killed in the middle of sending a result leaves half a message in the result pipe: the
        # executor's thread then waits in recv() for the rest, which never comes while this process still
        # holds the pipe's write end (forked workers share it), and shutdown() waits for that thread for
        # ever. With every worker dead, closing the parent's write end turns that wait into end-of-file,
        # which the executor handles as a broken pool. (A private attribute, read defensively.)
        _close_result_writer(executor)
        with contextlib.suppress(Exception, Interrupted):  # a second Ctrl-C while stopping changes nothing
            self._stop()


def _dead_unnoticed(executor: ProcessPoolExecutor | None) -> bool:
    """A worker of the executor is dead and the executor did not break (yet)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    return not getattr(executor, "_broken", False) and any(p.exitcode is not None for p in processes)


def _unstick(executor: ProcessPoolExecutor | None) -> None:
    """A worker that died in the middle of sending a result leaves the executor's thread waiting for the rest
    of the message (it looks at its workers only between messages), so the pool never breaks. Stop the other
    workers (SIGTERM clears their slots, so their items go back on the stack) and close the parent's end of
    the result pipe: the executor sees the end of the file and breaks, and the items are recovered as after
    any break."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        if process.exitcode is None:
            process.terminate()
    for process in processes:
        process.join(timeout=10)
    _close_result_writer(executor)


def _close_result_writer(executor: ProcessPoolExecutor | None) -> None:
    """Close the parent's write end of the executor's result pipe (a private attribute, read defensively)."""
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    with contextlib.suppress(Exception):
        if writer is not None:
            writer.close()


def _pop(stack: list[int], n: int) -> list[int]:
    taken = stack[-n:][::-1]
    del stack[-n:]
    return taken


class _Deferral:
    """While ``active``, a signal is kept in ``pending`` instead of raised (see the module docstring)."""

    active = False
    pending: int | None = None


def _raise_interrupted(signum, frame) -> None:
    if _Deferral.active:
        _Deferral.pending = _Deferral.pending or signum
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Within the block a signal is kept; it is raised as :class:`Interrupted` when the block ends."""
    _Deferral.active = True
    try:
        yield
    finally:
        _Deferral.active = False
        signum, _Deferral.pending = _Deferral.pending, None
        if signum is not None:
            raise Interrupted(signum)


@contextlib.contextmanager
def signals_as_interrupted() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    for signum in previous:
        signal.signal(signum, _raise_interrupted)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
