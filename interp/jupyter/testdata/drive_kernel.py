#!/usr/bin/env python3
"""Drive the Workbench kernel with jupyter_client, as Jupyter's own tools do.

The Go test (TestJupyterClient) installs the kernelspec "workbench" under a
temporary JUPYTER_PATH and runs this script with Debian's python3 and its
python3-jupyter-client. The script starts the kernel with KernelManager,
talks to it with a BlockingKernelClient, and prints one JSON object with
what it saw; the Go test asserts on it. On a failure the object has an
"error" key with the Python traceback, and the exit status is 1.
"""

import json
import queue
import sys
import time
import traceback

from jupyter_client.manager import KernelManager

TIMEOUT = 20.0


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """Return the shell reply to msg_id."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no shell reply to %s" % msg_id)
        msg = kc.get_shell_msg(timeout=left)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def iopub_until_idle(kc, msg_id, timeout=TIMEOUT):
    """Return the iopub messages for msg_id up to its status idle, except
    status messages."""
    outputs = []
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no status idle for %s" % msg_id)
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return outputs
            continue
        outputs.append({"type": msg["msg_type"], "content": msg["content"]})


def wait_for_iopub(kc, msg_id, msg_type, timeout=TIMEOUT):
    """Wait for a message of msg_type for msg_id on iopub."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == msg_type:
            return
    raise TimeoutError("no %s for %s" % (msg_type, msg_id))


def heartbeat(km):
    """Ping the heartbeat channel; return the echoes."""
    sock = km.connect_hb()
    try:
        echoes = []
        for ping in (b"ping 1", b"ping 2"):
            sock.send(ping)
            if not sock.poll(5000):
                echoes.append(None)
                break
            echoes.append(sock.recv().decode())
        return echoes
    finally:
        sock.close(linger=0)


def run(kc, code):
    """Execute code; return the reply and the outputs."""
    msg_id = kc.execute(code)
    reply = shell_reply(kc, msg_id)
    outputs = iopub_until_idle(kc, msg_id)
    return {"reply": reply["content"], "metadata": reply["metadata"], "outputs": outputs}


def main():
    res = {}
    km = KernelManager(kernel_name="workbench")
    kc = None
    try:
        res["interrupt_mode"] = km.kernel_spec.interrupt_mode
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=TIMEOUT)

        res["kernel_info"] = shell_reply(kc, kc.kernel_info())["content"]

        res["cells"] = [
            run(kc, c)
            for c in (
                'fmt.Println("hello from Go")',
                "x := arrays.Asarray([]float64{1, 2, 3})\nx",
                "y := 1\nz := y + nope",
            )
        ]

        res["complete"] = shell_reply(kc, kc.complete("fmt.Pri", 7))["content"]
        res["is_complete"] = shell_reply(kc, kc.is_complete("x := 1"))["content"]

        # Interrupt an endless loop (interrupt_mode "message": an
        # interrupt_request on the control channel).
        msg_id = kc.execute("n := 0\nfor {\n\tn++\n}")
        wait_for_iopub(kc, msg_id, "execute_input")
        time.sleep(0.3)
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id)
        res["interrupt"] = {"reply": reply["content"], "outputs": iopub_until_idle(kc, msg_id)}
        res["after_interrupt"] = run(kc, "x")

        # The heartbeat echoes what a libzmq REQ socket sends.
        res["heartbeat"] = heartbeat(km)

        # Restart: a new process, a fresh session.
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        res["after_restart"] = run(kc, "x")
        res["after_restart_new"] = run(kc, "w := 5\nw * 2")
    except Exception:
        res["error"] = traceback.format_exc()
    finally:
        if kc is not None:
            kc.stop_channels()
        try:
            if km.has_kernel:
                km.shutdown_kernel(now=False)
            res["alive_after_shutdown"] = km.is_alive()
        except Exception:
            res.setdefault("error", traceback.format_exc())
    json.dump(res, sys.stdout)
    sys.stdout.write("\n")
    return 1 if "error" in res else 0


if __name__ == "__main__":
    sys.exit(main())
