/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvvgpu: every difference between the kernels the modules build against,
 * in one place. The code is written for the target, Linux 6.12; this header
 * lets it build unchanged against Debian 12's own Linux 6.1 as well. Each
 * shim names the release (and, where checked, the upstream commit) that
 * changed the API, and is a feature test where one exists, a version test
 * otherwise; at 6.12 every shim below is empty. A file includes this header instead of
 * the headers it stands in for (the moved headers in the first part).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef __NVVGPU_COMPAT_H__
#define __NVVGPU_COMPAT_H__

/*
 * User space, the fuzzers (tests/fuzz) and the instruction counts
 * (tests/bench/gsp-icount) that build the ABI headers, brings stand-ins for
 * 6.12's headers of its own and needs none of the shims.
 */
#ifndef __KERNEL__
#include <linux/unaligned.h>
#include <linux/wordpart.h>
#else /* __KERNEL__ */

#include <linux/sizes.h>
#include <linux/version.h>

/*
 * Headers that moved. Version tests: sparse knows no __has_include().
 */

/* v6.12, "move asm/unaligned.h to linux/unaligned.h" (5f60d5f6bbc1) */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * v6.9, "kernel.h: Move upper_*_bits() and lower_*_bits() to wordpart.h";
 * before, <linux/kernel.h> had them
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)
#include <linux/wordpart.h>
#else
#include <linux/kernel.h>
#endif

/*
 * v6.7, "kernel.h: split out sprintf() and friends" into <linux/sprintf.h>;
 * before, <linux/kernel.h> had them
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
#include <linux/sprintf.h>
#else
#include <linux/kernel.h>
#endif

/*
 * abs_diff() is in 6.12's <linux/math.h>, not in 6.1: a feature test, on
 * the macro
 */
#include <linux/math.h>
#ifndef abs_diff
#define abs_diff(a, b) ({			\
	typeof(a) __a = (a);			\
	typeof(b) __b = (b);			\
	(void)(&__a == &__b);			\
	__a > __b ? (__a - __b) : (__b - __a);	\
})
#endif

/* 6.1's <linux/sizes.h> stops at SZ_32G; a feature test, on the macro */
#ifndef SZ_64G
#define SZ_64G	_AC(0x1000000000, ULL)
#endif

/*
 * v6.3, "mm: introduce vma->vm_flags wrapper functions" (bc292ab00f6c):
 * vm_flags became read-only outside these helpers
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
#define vm_flags_set(vma, flags)	((vma)->vm_flags |= (flags))
#endif

/*
 * v6.7, "instrumented.h: add instrument_memcpy_before,
 * instrument_memcpy_after": the sanitizers' hooks around a copy done
 * without memcpy(). 6.1 has the KASAN and KCSAN checks the before-hook is
 * made of; the after-hook only feeds KMSAN, which excludes KASAN and is off
 * in Debian's and the test VM's kernels.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
#include <linux/instrumented.h>
static __always_inline void instrument_memcpy_before(void *to, const void *from,
						     unsigned long n)
{
	instrument_write(to, n);
	instrument_read(from, n);
}

static __always_inline void instrument_memcpy_after(void *to, const void *from,
						    unsigned long n,
						    unsigned long left)
{
}
#endif

/*
 * v6.8, "eventfd: simplify eventfd_signal()" (3652117f8548): the count
 * argument went, every caller had passed 1. A 1-argument macro of the
 * same name must come after the header's 2-argument declaration: include
 * it here.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 8, 0)
#include <linux/eventfd.h>
#define eventfd_signal(ctx)	eventfd_signal(ctx, 1)
#endif

/*
 * v6.10, "tracing/treewide: Remove second parameter of __assign_str()"
 * (2c92ca849fcc): the source now comes from the field's __string(). The
 * trace headers say nvvgpu_assign_str(field, src), with the same src as
 * their __string(field, src).
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)
#define nvvgpu_assign_str(field, src)	__assign_str(field, src)
#else
#define nvvgpu_assign_str(field, src)	__assign_str(field)
#endif

/*
 * v6.2, "vfio-iommufd: Support iommufd for emulated VFIO devices":
 * an emulated-IOMMU device names the VFIO core's iommufd
 * callbacks in its vfio_device_ops. 6.1 has no iommufd in VFIO: the
 * device works through the legacy container only, and the ops leave them
 * out.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define NVVGPU_VFIO_EMULATED_IOMMUFD_OPS				\
	.bind_iommufd = vfio_iommufd_emulated_bind,			\
	.unbind_iommufd = vfio_iommufd_emulated_unbind,			\
	.attach_ioas = vfio_iommufd_emulated_attach_ioas,		\
	.detach_ioas = vfio_iommufd_emulated_detach_ioas
#else
#define NVVGPU_VFIO_EMULATED_IOMMUFD_OPS
#endif

/*
 * KUnit, for the suites of tests/ (only where the kernel has KUnit): the
 * newer helpers on what 6.1 has.
 */
#if IS_ENABLED(CONFIG_KUNIT)
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/slab.h>

/* KUNIT_FAIL_AND_ABORT() is not in 6.1: a feature test, on the macro */
#ifndef KUNIT_FAIL_AND_ABORT
#define KUNIT_FAIL_AND_ABORT(test, fmt, ...)	\
	KUNIT_ASSERT_FAILURE(test, fmt, ##__VA_ARGS__)
#endif

/*
 * v6.4, "kunit: Use the static key when retrieving the current test" made
 * kunit_get_current_test() public; 6.1 keeps the test in the task
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
static inline struct kunit *kunit_get_current_test(void)
{
	return current->kunit_test;
}
#endif

/*
 * v6.4, "kunit: Add kunit_add_action() to defer a call until test exit":
 * before, a KUnit resource whose free() makes the call
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
typedef void (kunit_action_t)(void *);

struct nvvgpu_kunit_action {
	kunit_action_t *fn;
	void *ctx;
};

static inline int nvvgpu_kunit_action_init(struct kunit_resource *res,
					   void *context)
{
	res->data = context;
	return 0;
}

static inline void nvvgpu_kunit_action_free(struct kunit_resource *res)
{
	struct nvvgpu_kunit_action *action = res->data;

	action->fn(action->ctx);
	kfree(action);
}

static inline int kunit_add_action_or_reset(struct kunit *test,
					    kunit_action_t *fn, void *ctx)
{
	struct nvvgpu_kunit_action *action;

	action = kmalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		goto err;
	action->fn = fn;
	action->ctx = ctx;
	if (!kunit_alloc_resource(test, nvvgpu_kunit_action_init,
				  nvvgpu_kunit_action_free, GFP_KERNEL, action))
		goto err_free;
	return 0;

err_free:
	kfree(action);
err:
	fn(ctx);
	return -ENOMEM;
}
#endif

/*
 * v6.8, "kunit: Add APIs for managing devices" (<kunit/device.h>):
 * before, a root device unregistered when the test ends. Without an owner:
 * the suites run from the test module's init, before root_device_register()
 * can link a device to the module in sysfs (-ENOENT).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#include <kunit/device.h>
#else
static inline void nvvgpu_kunit_device_unregister(void *dev)
{
	root_device_unregister(dev);
}

static inline struct device *kunit_device_register(struct kunit *test,
						   const char *name)
{
	struct device *dev = __root_device_register(name, NULL);
	int err;

	if (IS_ERR(dev))
		return dev;
	err = kunit_add_action_or_reset(test, nvvgpu_kunit_device_unregister,
					dev);
	return err ? ERR_PTR(err) : dev;
}
#endif

/*
 * v6.6, "kunit: Add speed attribute": before, a slow case is a case like
 * any other
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 6, 0)
#define KUNIT_CASE_SLOW(test_name)	KUNIT_CASE(test_name)
#endif
#endif /* CONFIG_KUNIT */

/*
 * v6.2, "vfio: Remove vfio_free_device": since, the VFIO core frees a
 * vfio_device after its @release; before, @release had to call
 * vfio_free_device() itself, or the device leaked
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
#define nvvgpu_vfio_free_device(vdev)	vfio_free_device(vdev)
#else
#define nvvgpu_vfio_free_device(vdev)	do { } while (0)
#endif

/*
 * v6.4, "kunit: Add ability to redirect function calls (static stubs)"
 * added <kunit/static_stub.h>. Without it the redirects are no-ops and a
 * test that would activate a stub is skipped, with the reason.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#include <kunit/static_stub.h>
#else
#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...) do { } while (0)
#define kunit_activate_static_stub(test, real_fn_addr, replacement_addr) \
	do {								\
		(void)(real_fn_addr);					\
		(void)(replacement_addr);				\
		kunit_skip(test, "KUnit static stubs need Linux 6.4");	\
	} while (0)
#endif

#endif /* __KERNEL__ */

#endif /* __NVVGPU_COMPAT_H__ */
