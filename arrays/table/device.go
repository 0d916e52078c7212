package table

import (
	"workbench/arrays"
	"workbench/devices"
)

// Columns on other devices. A column's values may be an array of a device
// other than the CPU (a GPU). The table operations compute on the CPU:
// those that read such a column (sorting, filtering, grouping, joining,
// describing) read a copy of it, give the notice that they ran on the CPU
// (see arrays.SetNotice), and put the column's part of their result back
// on its device. Slices (Head, Tail, Slice) are views and stay on the
// device without a copy; formatting a table for display, Row and writing
// CSV read copies without a notice, as arrays' String and Data do.

// deviceOf returns the device of c's values when it is not the CPU, else
// nil (string columns are in host memory).
func deviceOf(c *Column) devices.Device {
	if c.Values == nil {
		return nil
	}
	if dev := c.Values.Device(); dev != devices.CPU() {
		return dev
	}
	return nil
}

// noteCPU gives the notice that table operation op (such as "Table.Filter"
// or "Grouped.Agg") ran on the CPU for c, when c's values are on another
// device; it does nothing for op "", which internal uses (display) pass.
func noteCPU(op string, c *Column) {
	if dev := deviceOf(c); dev != nil && op != "" {
		arrays.RanOnCPU("table."+op, dev, "table operations")
	}
}

// onDeviceOf returns out, computed on the CPU from column c for operation
// op, with its values moved back to c's device, after the notice of
// noteCPU, when that is not the CPU.
func onDeviceOf(op string, out, c *Column) *Column {
	dev := deviceOf(c)
	if dev == nil || op == "" || out.Values == nil || out.Values.Device() == dev {
		return out
	}
	noteCPU(op, c)
	out.Values = out.Values.To(dev)
	return out
}
