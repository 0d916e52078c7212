// Package client runs Workbench's kernel as a child process and drives it
// over Jupyter's messaging protocol: it is what the desktop app and the
// command line (workbench run, workbench verify) use to run cells.
//
// Start launches the kernel (by default this executable's "kernel"
// subcommand) with a private connection file, connects to its five
// ZeroMQ sockets and waits until it answers. Execute runs one cell,
// handing each output to a callback as it arrives and returning all of
// them with the execute reply; Complete, Inspect, IsComplete and
// Variables answer an editor's questions; Interrupt, Restart and Close
// manage the process.
//
// The client keeps the caller safe from whatever the kernel does:
//
//   - An interrupt is sent on the control channel. If the cell has not
//     stopped within Options.InterruptGrace (it is stuck in compiled
//     code such as time.Sleep), or the kernel says that it is stuck, the
//     process is killed and a fresh one started; the cell ends with a
//     "KernelRestarted" error output and Reply.Restarted set.
//   - When the process ends (a panic in a goroutine that a cell started,
//     os.Exit, a signal) or stops answering heartbeats, the running cell
//     ends with a "KernelDied" error output that quotes the end of the
//     kernel's stderr, and the client is dead until Restart.
//
// A Client may be used from several goroutines: cells run one at a
// time (callers queue), while Interrupt, State and the editor's
// requests may be called at any time.
package client
