/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: an IDA over the first 64 ids, enough for a fuzz run;
 * freeing an id that is not allocated is the kernel's WARN, so it aborts.
 */
#ifndef __NVFUZZ_LINUX_IDR_H
#define __NVFUZZ_LINUX_IDR_H

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/types.h>

struct ida {
	u64 used;
};

#define DEFINE_IDA(name)	struct ida name = { 0 }

static inline void ida_init(struct ida *ida)
{
	ida->used = 0;
}

static inline void ida_destroy(struct ida *ida)
{
	ida->used = 0;
}

static inline bool ida_is_empty(const struct ida *ida)
{
	return !ida->used;
}

static inline int ida_alloc_range(struct ida *ida, unsigned int min,
				  unsigned int max, gfp_t gfp)
{
	unsigned int id;

	for (id = min; id <= max && id < 64; id++) {
		if (!(ida->used & (1ULL << id))) {
			ida->used |= 1ULL << id;
			return id;
		}
	}
	return -ENOSPC;
}

#define ida_alloc_max(ida, max, gfp)	ida_alloc_range(ida, 0, max, gfp)
#define ida_alloc_min(ida, min, gfp)	ida_alloc_range(ida, min, ~0U, gfp)
#define ida_alloc(ida, gfp)		ida_alloc_range(ida, 0, ~0U, gfp)

static inline void ida_free(struct ida *ida, unsigned int id)
{
	if (id >= 64 || !(ida->used & (1ULL << id)))
		nvfuzz_bug("ida_free: id %u not allocated", id);
	ida->used &= ~(1ULL << id);
}

#endif
