/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: nobody else can complete while the only thread waits,
 * so a wait returns at once with the simulated time of its timeout spent.
 */
#ifndef __NVFUZZ_LINUX_COMPLETION_H
#define __NVFUZZ_LINUX_COMPLETION_H

#include <linux/jiffies.h>
#include <linux/types.h>

struct completion {
	unsigned int done;
};

static inline void init_completion(struct completion *x)
{
	x->done = 0;
}

#define reinit_completion(x)	init_completion(x)

static inline void complete(struct completion *x)
{
	x->done++;
}

static inline void complete_all(struct completion *x)
{
	x->done = ~0U;
}

static inline bool completion_done(struct completion *x)
{
	return x->done;
}

static inline unsigned long
wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	if (x->done) {
		if (x->done != ~0U)
			x->done--;
		return timeout ? timeout : 1;
	}
	nvfuzz_sleep_ns((u64)timeout * 1000000);
	return 0;
}

#endif
