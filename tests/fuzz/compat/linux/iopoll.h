/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: read_poll_timeout() on the simulated clock. */
#ifndef __NVFUZZ_LINUX_IOPOLL_H
#define __NVFUZZ_LINUX_IOPOLL_H

#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/ktime.h>

#define read_poll_timeout(op, val, cond, sleep_us, timeout_us,		\
			  sleep_before_read, args...)			\
({									\
	u64 __timeout_us = (timeout_us);				\
	unsigned long __sleep_us = (sleep_us);				\
	ktime_t __timeout = ktime_add_us(ktime_get(), __timeout_us);	\
	if (sleep_before_read && __sleep_us)				\
		usleep_range(__sleep_us, __sleep_us);			\
	for (;;) {							\
		(val) = op(args);					\
		if (cond)						\
			break;						\
		if (__timeout_us &&					\
		    ktime_after(ktime_get(), __timeout)) {		\
			(val) = op(args);				\
			break;						\
		}							\
		usleep_range(__sleep_us ? __sleep_us : 1, __sleep_us);	\
	}								\
	(cond) ? 0 : -ETIMEDOUT;					\
})

#endif
