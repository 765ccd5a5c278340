/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_KTIME_H
#define __NVFUZZ_LINUX_KTIME_H

#include <linux/jiffies.h>
#include <linux/types.h>

#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_MSEC	1000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L
#define NSEC_PER_SEC	1000000000L

typedef s64 ktime_t;

static inline ktime_t ktime_get(void)
{
	return nvfuzz_now_ns();
}

#define ktime_add(a, b)		((a) + (b))
#define ktime_sub(a, b)		((a) - (b))
#define ktime_add_ns(kt, ns)	((kt) + (ns))
#define ktime_add_us(kt, us)	((kt) + (s64)(us) * NSEC_PER_USEC)
#define ktime_add_ms(kt, ms)	((kt) + (s64)(ms) * NSEC_PER_MSEC)
#define ktime_after(a, b)	((a) > (b))
#define ktime_before(a, b)	((a) < (b))
#define ktime_to_ns(kt)		(kt)
#define ktime_to_us(kt)		((kt) / NSEC_PER_USEC)
#define ktime_to_ms(kt)		((kt) / NSEC_PER_MSEC)
#define ktime_ms_delta(a, b)	(((a) - (b)) / NSEC_PER_MSEC)
#define ktime_get_ns()		nvfuzz_now_ns()

#endif
