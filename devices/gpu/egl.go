//go:build cgo && linux

package gpu

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>

#ifndef EGL_PLATFORM_SURFACELESS_MESA
#define EGL_PLATFORM_SURFACELESS_MESA 0x31DD
#endif

// libEGL is opened at run time, so that programs start (without a GPU)
// on machines that lack it.
static EGLint (*p_eglGetError)(void);
static const char *(*p_eglQueryString)(EGLDisplay, EGLint);
static void *(*p_eglGetProcAddress)(const char *);
static EGLBoolean (*p_eglInitialize)(EGLDisplay, EGLint *, EGLint *);
static EGLBoolean (*p_eglTerminate)(EGLDisplay);
static EGLBoolean (*p_eglBindAPI)(EGLenum);
static EGLBoolean (*p_eglChooseConfig)(EGLDisplay, const EGLint *, EGLConfig *, EGLint, EGLint *);
static EGLContext (*p_eglCreateContext)(EGLDisplay, EGLConfig, EGLContext, const EGLint *);
static EGLBoolean (*p_eglDestroyContext)(EGLDisplay, EGLContext);
static EGLBoolean (*p_eglMakeCurrent)(EGLDisplay, EGLSurface, EGLSurface, EGLContext);

#define eglGetError p_eglGetError
#define eglQueryString p_eglQueryString
#define eglGetProcAddress p_eglGetProcAddress
#define eglInitialize p_eglInitialize
#define eglTerminate p_eglTerminate
#define eglBindAPI p_eglBindAPI
#define eglChooseConfig p_eglChooseConfig
#define eglCreateContext p_eglCreateContext
#define eglDestroyContext p_eglDestroyContext
#define eglMakeCurrent p_eglMakeCurrent

static const char *wbLoadEGL(char *buf, size_t n) {
	void *lib = dlopen("libEGL.so.1", RTLD_NOW | RTLD_GLOBAL);
	if (lib == NULL) {
		lib = dlopen("libEGL.so", RTLD_NOW | RTLD_GLOBAL);
	}
	if (lib == NULL) {
		snprintf(buf, n, "no EGL display: cannot load libEGL (%s)", dlerror());
		return buf;
	}
#define LOAD(name) \
	if ((*(void **)&p_##name = dlsym(lib, #name)) == NULL) { \
		snprintf(buf, n, "libEGL lacks %s", #name); \
		return buf; \
	}
	LOAD(eglGetError)
	LOAD(eglQueryString)
	LOAD(eglGetProcAddress)
	LOAD(eglInitialize)
	LOAD(eglTerminate)
	LOAD(eglBindAPI)
	LOAD(eglChooseConfig)
	LOAD(eglCreateContext)
	LOAD(eglDestroyContext)
	LOAD(eglMakeCurrent)
#undef LOAD
	return NULL;
}

static EGLDisplay wbDisplay = EGL_NO_DISPLAY;
static EGLContext wbContext = EGL_NO_CONTEXT;
static char wbPlatform[64];

static const char *wbEGLError(void) {
	switch (eglGetError()) {
	case EGL_SUCCESS: return "EGL_SUCCESS";
	case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
	case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
	case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
	case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
	case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
	case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
	case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
	case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
	case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
	}
	return "EGL error";
}

// wbTryDisplay initializes dpy and makes a GL 4.3 core context current
// on it without a surface. It returns NULL or what went wrong.
static const char *wbTryDisplay(EGLDisplay dpy, char *buf, size_t n) {
	EGLint major, minor;
	if (dpy == EGL_NO_DISPLAY) {
		snprintf(buf, n, "no EGL display (%s)", wbEGLError());
		return buf;
	}
	if (!eglInitialize(dpy, &major, &minor)) {
		snprintf(buf, n, "eglInitialize failed (%s)", wbEGLError());
		return buf;
	}
	if (!eglBindAPI(EGL_OPENGL_API)) {
		snprintf(buf, n, "EGL %d.%d has no desktop OpenGL (eglBindAPI: %s)", major, minor, wbEGLError());
		eglTerminate(dpy);
		return buf;
	}
	EGLint cfgAttrs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
	EGLConfig cfg = NULL;
	EGLint count = 0;
	if (!eglChooseConfig(dpy, cfgAttrs, &cfg, 1, &count) || count < 1) {
		cfg = NULL; // EGL_NO_CONFIG_KHR, with EGL_KHR_no_config_context
	}
	EGLint ctxAttrs[] = {
		EGL_CONTEXT_MAJOR_VERSION, 4,
		EGL_CONTEXT_MINOR_VERSION, 3,
		EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
		EGL_NONE,
	};
	EGLContext ctx = eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, ctxAttrs);
	if (ctx == EGL_NO_CONTEXT) {
		snprintf(buf, n, "no OpenGL 4.3 core context (eglCreateContext: %s)", wbEGLError());
		eglTerminate(dpy);
		return buf;
	}
	if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
		snprintf(buf, n, "eglMakeCurrent without a surface failed (%s)", wbEGLError());
		eglDestroyContext(dpy, ctx);
		eglTerminate(dpy);
		return buf;
	}
	wbDisplay = dpy;
	wbContext = ctx;
	return NULL;
}

// wbEGLInit makes a headless context current on the calling thread: on an
// EGL device that is not a software renderer first (a real GPU), else on
// Mesa's surfaceless platform. It returns NULL or why it could not.
static const char *wbEGLInit(char *buf, size_t n) {
	if (wbLoadEGL(buf, n) != NULL) {
		return buf;
	}
	const char *clientExts = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
	if (clientExts == NULL) {
		snprintf(buf, n, "no EGL client extensions (libEGL too old or missing: %s)", wbEGLError());
		return buf;
	}
	PFNEGLGETPLATFORMDISPLAYEXTPROC getPlatformDisplay =
		(PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
	if (getPlatformDisplay == NULL) {
		snprintf(buf, n, "no EGL display: eglGetPlatformDisplayEXT is missing");
		return buf;
	}
	PFNEGLQUERYDEVICESEXTPROC queryDevices =
		(PFNEGLQUERYDEVICESEXTPROC)eglGetProcAddress("eglQueryDevicesEXT");
	PFNEGLQUERYDEVICESTRINGEXTPROC queryDeviceString =
		(PFNEGLQUERYDEVICESTRINGEXTPROC)eglGetProcAddress("eglQueryDeviceStringEXT");
	if (strstr(clientExts, "EGL_EXT_platform_device") && queryDevices && queryDeviceString) {
		EGLDeviceEXT devs[16];
		EGLint ndev = 0;
		if (queryDevices(16, devs, &ndev)) {
			for (EGLint i = 0; i < ndev; i++) {
				const char *exts = queryDeviceString(devs[i], EGL_EXTENSIONS);
				if (exts && strstr(exts, "EGL_MESA_device_software")) {
					continue;
				}
				EGLDisplay dpy = getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, devs[i], NULL);
				if (wbTryDisplay(dpy, buf, n) == NULL) {
					snprintf(wbPlatform, sizeof wbPlatform, "EGL device %d", (int)i);
					return NULL;
				}
			}
		}
	}
	if (!strstr(clientExts, "EGL_MESA_platform_surfaceless")) {
		snprintf(buf, n, "no EGL display: no GPU device and no EGL_MESA_platform_surfaceless (client extensions: %s)", clientExts);
		return buf;
	}
	EGLDisplay dpy = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
	if (wbTryDisplay(dpy, buf, n) != NULL) {
		return buf;
	}
	snprintf(wbPlatform, sizeof wbPlatform, "surfaceless (Mesa)");
	return NULL;
}

static void *wbProcAddress(const char *name) {
	return (void *)eglGetProcAddress(name);
}

static const char *wbPlatformName(void) { return wbPlatform; }
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"unsafe"

	"github.com/go-gl/gl/v4.3-core/gl"
)

// glThread owns the GL context: every GL call runs on its locked OS
// thread, as a job sent through jobs.
type glThread struct {
	jobs     chan func()
	platform string
}

// startGL starts the GL thread, creates the context on it and loads the
// GL functions. It fails with the reason when there is no EGL display or
// no OpenGL 4.3 core context.
func startGL() (*glThread, error) {
	t := &glThread{jobs: make(chan func())}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // for ever: the context lives on this thread
		buf := (*C.char)(C.malloc(512))
		msg := C.wbEGLInit(buf, 512)
		if msg != nil {
			started <- errors.New(C.GoString(msg))
			C.free(unsafe.Pointer(buf))
			return
		}
		C.free(unsafe.Pointer(buf))
		t.platform = C.GoString(C.wbPlatformName())
		err := gl.InitWithProcAddrFunc(func(name string) unsafe.Pointer {
			cs := C.CString(name)
			defer C.free(unsafe.Pointer(cs))
			return C.wbProcAddress(cs)
		})
		if err != nil {
			started <- fmt.Errorf("loading OpenGL 4.3 functions: %v is missing", err)
			return
		}
		started <- nil
		for job := range t.jobs {
			job()
		}
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return t, nil
}

// do runs f on the GL thread and waits for it. A panic in f comes back as
// an error.
func (t *glThread) do(f func() error) error {
	done := make(chan error, 1)
	t.jobs <- func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("gpu: panic on the GL thread: %v", p)
			}
		}()
		done <- f()
	}
	return <-done
}
