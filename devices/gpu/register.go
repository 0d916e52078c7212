package gpu

import "workbench/devices"

func init() {
	devices.SetGPUProbe(Open)
}
