/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: nobody else can make a condition true while the only
 * thread waits, so a timed wait checks once, spends its timeout on the
 * simulated clock and checks again; an untimed wait on a false condition
 * would never end and aborts.
 */
#ifndef __NVFUZZ_LINUX_WAIT_H
#define __NVFUZZ_LINUX_WAIT_H

#include <linux/bug.h>
#include <linux/jiffies.h>

typedef struct wait_queue_head {
	unsigned int wakeups;
} wait_queue_head_t;

/* an explicit wait: the sleep itself is schedule_timeout() (sched.h) */
struct wait_queue_entry {
	int unused;
};

#define DEFINE_WAIT(name)		struct wait_queue_entry name = { 0 }
#define prepare_to_wait_exclusive(wq, wait, state)	((void)(wait))
#define finish_wait(wq, wait)		((void)(wait))

#define DECLARE_WAIT_QUEUE_HEAD(name)	wait_queue_head_t name = { 0 }
#define init_waitqueue_head(wq)		((wq)->wakeups = 0)
#define wake_up(wq)			((wq)->wakeups++)
#define wake_up_all(wq)			wake_up(wq)
#define wake_up_interruptible(wq)	wake_up(wq)
#define wake_up_interruptible_all(wq)	wake_up(wq)

#define wait_event_timeout(wq, cond, timeout) ({			\
	long __t = (timeout);						\
	long __ret = __t ? __t : 1;					\
	if (!(cond)) {							\
		nvfuzz_sleep_ns((u64)__t * 1000000);			\
		__ret = (cond) ? 1 : 0;					\
	}								\
	__ret; })
#define wait_event_interruptible_timeout(wq, cond, timeout)		\
	wait_event_timeout(wq, cond, timeout)
#define wait_event_killable_timeout(wq, cond, timeout)			\
	wait_event_timeout(wq, cond, timeout)

#define wait_event(wq, cond) do {					\
	if (!(cond))							\
		nvfuzz_bug("wait_event(%s) would sleep for ever at %s:%d", \
			   #cond, __FILE__, __LINE__);			\
} while (0)
#define wait_event_interruptible(wq, cond)	({ wait_event(wq, cond); 0; })
#define wait_event_killable(wq, cond)		({ wait_event(wq, cond); 0; })

#endif
