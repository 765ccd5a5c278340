/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: heap allocations become malloc/calloc so that ASan sees
 * every buffer with its exact size.
 */
#ifndef __NVFUZZ_LINUX_SLAB_H
#define __NVFUZZ_LINUX_SLAB_H

#include <stdlib.h>
#include <linux/overflow.h>
#include <linux/types.h>
#include "../nvfuzz_runtime.h"

#define GFP_KERNEL	0x1u
#define GFP_ATOMIC	0x2u
#define GFP_NOWAIT	0x4u
#define __GFP_ZERO	0x100u

static inline void *kmalloc(size_t size, gfp_t flags)
{
	if (nvfuzz_alloc_fails())
		return NULL;
	return (flags & __GFP_ZERO) ? calloc(1, size ? size : 1) :
				      malloc(size ? size : 1);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kzalloc(size_mul(n, size), flags);
}

static inline void kfree(const void *p)
{
	free((void *)p);
}

#define kvmalloc(size, flags)	kmalloc(size, flags)
#define kvzalloc(size, flags)	kzalloc(size, flags)
#define kvcalloc(n, size, flags)	kcalloc(n, size, flags)
#define kvfree(p)		kfree(p)
#define vzalloc(size)		kzalloc(size, GFP_KERNEL)
#define vfree(p)		kfree(p)

#endif
