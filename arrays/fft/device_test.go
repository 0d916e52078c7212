package fft

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"workbench/arrays"
	"workbench/arrays/internal/devicefake"
	"workbench/devices"
)

// captureNotices collects the notices given while the test runs.
func captureNotices(t *testing.T) *[]string {
	t.Helper()
	var got []string
	prev := arrays.SetNotice(func(msg string) { got = append(got, msg) })
	arrays.ResetNotices()
	t.Cleanup(func() { arrays.SetNotice(prev); arrays.ResetNotices() })
	return &got
}

// TestFakeDevice runs each function on an array of a device whose memory
// the CPU cannot address: the CPU's values, the result on the device, and
// one notice that names the function, for two calls.
func TestFakeDevice(t *testing.T) {
	fake := devicefake.New("fake")
	re := arrays.FromSlice([]float64{1, 2, 0, -1, 3, 5, 4, 2, 7, 1, 0, 2}, 3, 4)
	f32 := re.Astype(arrays.Float32)
	cx := arrays.Add(re, arrays.Multiply(re.T().Reshape(3, 4), 1i))
	cases := []struct {
		fn string
		f  func(x *arrays.Array) *arrays.Array
		x  *arrays.Array
	}{
		{"Fft", func(x *arrays.Array) *arrays.Array { return Fft(x) }, cx},
		{"Ifft", func(x *arrays.Array) *arrays.Array { return Ifft(x, Axis(0), N(5)) }, cx},
		{"Rfft", func(x *arrays.Array) *arrays.Array { return Rfft(x) }, f32},
		{"Irfft", func(x *arrays.Array) *arrays.Array { return Irfft(x, Norm("ortho")) }, cx},
		{"Hfft", func(x *arrays.Array) *arrays.Array { return Hfft(x) }, cx},
		{"Ihfft", func(x *arrays.Array) *arrays.Array { return Ihfft(x) }, re},
		{"Fftn", func(x *arrays.Array) *arrays.Array { return Fftn(x) }, re},
		{"Ifftn", func(x *arrays.Array) *arrays.Array { return Ifftn(x, S(2, 6)) }, cx},
		{"Rfftn", func(x *arrays.Array) *arrays.Array { return Rfftn(x) }, re.T()},
		{"Irfftn", func(x *arrays.Array) *arrays.Array { return Irfftn(x) }, cx},
		{"Fftshift", func(x *arrays.Array) *arrays.Array { return Fftshift(x) }, re},
		{"Ifftshift", func(x *arrays.Array) *arrays.Array { return Ifftshift(x, Axis(1)) }, cx},
	}
	for _, tc := range cases {
		t.Run(tc.fn, func(t *testing.T) {
			notices := captureNotices(t)
			want := tc.f(tc.x)
			if len(*notices) != 0 {
				t.Fatalf("notices on the CPU: %q", *notices)
			}
			xf := tc.x.To(fake)
			got := tc.f(xf)
			tc.f(xf)
			if got.Device() != devices.Device(fake) {
				t.Errorf("result on %s, want fake", got.Device().Name())
			}
			if got.DType() != want.DType() || !reflect.DeepEqual(got.Shape(), want.Shape()) {
				t.Errorf("result %v %v, want %v %v", got.DType(), got.Shape(), want.DType(), want.Shape())
			}
			if g, w := got.Data(), want.Data(); !reflect.DeepEqual(g, w) {
				t.Errorf("result %v, want %v", g, w)
			}
			if len(*notices) != 1 || !strings.HasPrefix((*notices)[0], "notice: fft."+tc.fn+" ran on the CPU: the fake device does not implement ") {
				t.Errorf("notices %q, want one for fft.%s", *notices, tc.fn)
			}
		})
	}
}

// TestFreqOnDevice checks that OnDevice puts the frequencies on the
// device, in the dtype asked for, without a notice.
func TestFreqOnDevice(t *testing.T) {
	notices := captureNotices(t)
	fake := devicefake.New("fake")
	for _, tc := range []struct {
		name      string
		got, want *arrays.Array
	}{
		{"Fftfreq", Fftfreq(7, D(0.5), OnDevice(fake)), Fftfreq(7, D(0.5))},
		{"Rfftfreq float32", Rfftfreq(8, Dtype(arrays.Float32), OnDevice(fake)), Rfftfreq(8, Dtype(arrays.Float32))},
		{"Fftfreq on the CPU", Fftfreq(4, OnDevice(devices.CPU())), Fftfreq(4)},
	} {
		want := devices.Device(fake)
		if strings.HasSuffix(tc.name, "CPU") {
			want = devices.CPU()
		}
		if tc.got.Device() != want {
			t.Errorf("%s: on %s, want %s", tc.name, tc.got.Device().Name(), want.Name())
		}
		if tc.got.DType() != tc.want.DType() || !reflect.DeepEqual(tc.got.Data(), tc.want.Data()) {
			t.Errorf("%s: %v %v, want %v %v", tc.name, tc.got.DType(), tc.got.Data(), tc.want.DType(), tc.want.Data())
		}
	}
	if len(*notices) != 0 {
		t.Errorf("notices %q", *notices)
	}
	var de *arrays.DeviceError
	if err := arrays.Maybe(func() { Fftfreq(4, OnDevice(nil)) }); !errors.As(err, &de) {
		t.Errorf("OnDevice(nil): err = %v, want an *arrays.DeviceError", err)
	}
}
