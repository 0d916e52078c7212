package main

// The GPU device: its package installs the probe that devices.GPU runs, in
// the kernel process and in `workbench version` (built without cgo, the
// probe reports that there is no GPU, and why).
import _ "workbench/devices/gpu"
