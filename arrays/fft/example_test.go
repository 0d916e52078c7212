package fft_test

import (
	"fmt"
	"math"

	"workbench/arrays"
	"workbench/arrays/fft"
)

// round prints numbers to 6 decimals, with -0 as 0.
func round(v float64) float64 { return math.Round(v*1e6)/1e6 + 0 }

func ExampleFft() {
	x := arrays.FromSlice([]float64{1, 2, 3, 4})
	for _, v := range fft.Fft(x).Complex128s() {
		fmt.Print(complex(round(real(v)), round(imag(v))), " ")
	}
	fmt.Println()
	// Output: (10+0i) (-2+2i) (-2+0i) (-2-2i)
}

func ExampleIfft() {
	x := arrays.FromSlice([]complex128{10, -2 + 2i, -2, -2 - 2i})
	for _, v := range fft.Ifft(x).Complex128s() {
		fmt.Print(round(real(v)), " ")
	}
	fmt.Println()
	// Output: 1 2 3 4
}

func ExampleRfft() {
	// A cosine of frequency 2 over 8 samples: all its energy is at 2.
	x := make([]float64, 8)
	for i := range x {
		x[i] = math.Cos(2 * math.Pi * 2 * float64(i) / 8)
	}
	X := fft.Rfft(arrays.FromSlice(x), fft.Norm("forward"))
	fmt.Println(X.Shape())
	for _, v := range X.Complex128s() {
		fmt.Print(round(real(v)), " ")
	}
	fmt.Println()
	// Output:
	// [5]
	// 0 0 0.5 0 0
}

func ExampleIrfft() {
	X := arrays.FromSlice([]complex128{4, 0, 0})
	fmt.Println(fft.Irfft(X, fft.N(5)).Float64s())
	// Output: [0.8 0.8 0.8 0.8 0.8]
}

func ExampleFftn() {
	x := arrays.Ones(2, 3)
	fmt.Println(fft.Fftn(x).Complex128s())
	// Output: [(6+0i) (0+0i) (0+0i) (0+0i) (0+0i) (0+0i)]
}

func ExampleFftfreq() {
	fmt.Println(fft.Fftfreq(5, fft.D(0.1)).Float64s())
	fmt.Println(fft.Rfftfreq(6).Float64s())
	// Output:
	// [0 2 4 -4 -2]
	// [0 0.16666666666666666 0.3333333333333333 0.5]
}

func ExampleFftshift() {
	f := fft.Fftfreq(6)
	fmt.Println(fft.Fftshift(f).Float64s())
	fmt.Println(fft.Ifftshift(fft.Fftshift(f)).Float64s())
	// Output:
	// [-0.5 -0.3333333333333333 -0.16666666666666666 0 0.16666666666666666 0.3333333333333333]
	// [0 0.16666666666666666 0.3333333333333333 -0.5 -0.3333333333333333 -0.16666666666666666]
}

func ExampleError() {
	err := arrays.Maybe(func() { fft.Fft(arrays.Ones(4), fft.N(0)) })
	fmt.Println(err)
	// Output: fft.fft: n: invalid number of data points (0): must be at least 1
}
