// Command workbench is the one Workbench binary. Later it opens the desktop
// notebook app when run without a subcommand; today it offers:
//
//	workbench version   print the versions of Workbench and Go, the CPU
//	                    features found, the SIMD level, the worker count and
//	                    the devices (also: workbench --version)
//	workbench help      print the usage
//
// Run, verify and export land as subcommands with their issues. This package
// is wiring only: each subcommand lives in a file of its own and calls into
// the packages that do the work.
package main
