// Package jupyter speaks Jupyter's messaging protocol (version 5.3) for
// Workbench's kernel: the wire format of messages (HMAC-SHA256 signed
// multipart frames), connection files, the kernel process that serves an
// interp.Session over ZeroMQ (github.com/go-zeromq/zmq4, pure Go), and
// kernelspecs, so that Jupyter's own tools can start the kernel too.
//
// # The kernel
//
// Serve runs one interp.Session behind the five sockets of a connection
// file; Main is the "workbench kernel" command around it, which Jupyter's
// tools start from the kernelspec that "workbench kernel install" writes.
// The kernel answers, on the shell channel (in order, one request at a
// time):
//
//   - kernel_info_request: protocol 5.3, language_info for Go, and under
//     the extra key "workbench" the environment record
//     (interp.CurrentEnvironment) that session files store;
//   - execute_request: status busy, execute_input, each output as the
//     engine emits it (stream, display_data, update_display_data with
//     transient.display_id, execute_result, error), then execute_reply and
//     status idle (the reply's metadata names under "workbench" the
//     device the cell ran on: {"device": "gpu"} when its arrays were moved
//     to or computed on the GPU, else "cpu"). silent, store_history and
//     stop_on_error are honoured
//     (queued execute requests behind a failing cell are aborted, as
//     ipykernel does); user_expressions are not evaluated (the reply's is
//     always empty); allow_stdin is ignored, as the kernel never asks for
//     input;
//   - complete_request (cursor positions in Unicode code points; the
//     reply's metadata has "_jupyter_types_experimental" and
//     "workbench_docs"), inspect_request (the reply's metadata has the
//     interp.Inspection under "workbench"), is_complete_request,
//     history_request (always empty), comm_info_request (no comms);
//   - workbench_variables_request, Workbench's own: the reply
//     workbench_variables_reply lists the session's variables
//     ([interp.Variable]);
//   - shutdown_request.
//
// On the control channel, answered at once while a cell runs:
// interrupt_request (cancels the running cell), shutdown_request (Serve
// returns after the reply: a restart is the client's to do, by starting
// a new process) and kernel_info_request. SIGINT interrupts too.
//
// MIME bundles travel as Jupyter expects: text types and SVG as strings,
// JSON types (Workbench's array, table and progress types among them) as
// JSON values, images as base64 (BundleJSON).
//
// An interrupted cell whose call into compiled code goes on is reported
// with StuckMessage and {"workbench": {"stuck": true}} in the
// execute_reply's metadata: the client should restart the kernel.
//
// See https://jupyter-client.readthedocs.io/en/stable/messaging.html.
package jupyter
