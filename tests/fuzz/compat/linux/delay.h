/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: sleeping advances the simulated clock, nothing more. */
#ifndef __NVFUZZ_LINUX_DELAY_H
#define __NVFUZZ_LINUX_DELAY_H

#include <linux/ktime.h>

#define ndelay(ns)		nvfuzz_sleep_ns(ns)
#define udelay(us)		nvfuzz_sleep_ns((u64)(us) * NSEC_PER_USEC)
#define mdelay(ms)		nvfuzz_sleep_ns((u64)(ms) * NSEC_PER_MSEC)
#define usleep_range(lo, hi)	nvfuzz_sleep_ns((u64)(lo) * NSEC_PER_USEC)
#define fsleep(us)		udelay(us)
#define msleep(ms)		mdelay(ms)

#endif
