// Package jupyter speaks Jupyter's messaging protocol (version 5.3) for
// Workbench's kernel: the wire format of messages (HMAC-SHA256 signed
// multipart frames), connection files, the kernel process that serves an
// interp.Session over ZeroMQ (github.com/go-zeromq/zmq4, pure Go), and
// kernelspecs, so that Jupyter's own tools can start the kernel too.
//
// See https://jupyter-client.readthedocs.io/en/stable/messaging.html.
package jupyter
