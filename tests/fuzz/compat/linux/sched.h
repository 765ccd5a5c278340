/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: "current" is the fuzzer process. */
#ifndef __NVFUZZ_LINUX_SCHED_H
#define __NVFUZZ_LINUX_SCHED_H

#include <unistd.h>
#include <linux/jiffies.h>
#include <linux/types.h>

#define TASK_UNINTERRUPTIBLE	0x2

/*
 * The top of a user address space, from <asm/processor.h> in the kernel:
 * x86_64 with 4-level page tables, (1 << 47) - PAGE_SIZE.
 */
#define TASK_SIZE		0x00007ffffffff000ULL

struct task_struct;

static inline struct task_struct *get_current(void)
{
	return NULL;
}

#define current		get_current()

/* nothing else runs: the timeout passes on the simulated clock */
static inline long schedule_timeout(long timeout)
{
	nvfuzz_sleep_ns((u64)timeout * 1000000);
	return 0;
}

static inline int wake_up_process(struct task_struct *tsk)
{
	return 1;
}

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return getpid();
}

#endif
