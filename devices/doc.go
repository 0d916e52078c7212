// Package devices says where arrays live and runs their operations: the
// Device interface, the CPU device, and a registry that a GPU device joins
// when one is present.
//
// An array holds a Buffer owned by its device, never a bare Go slice, and
// every operation asks the array's device to run it. A device that cannot
// address host memory (a GPU) implements the same interface, so the arrays
// package never needs to know which device it talks to.
package devices
