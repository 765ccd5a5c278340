/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: "current" is the fuzzer process. */
#ifndef __NVFUZZ_LINUX_SCHED_H
#define __NVFUZZ_LINUX_SCHED_H

#include <unistd.h>
#include <linux/types.h>

struct task_struct;

static inline struct task_struct *get_current(void)
{
	return NULL;
}

#define current		get_current()

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return getpid();
}

#endif
