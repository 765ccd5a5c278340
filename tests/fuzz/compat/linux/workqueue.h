/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: work items exist; queueing runs nothing. */
#ifndef __NVFUZZ_LINUX_WORKQUEUE_H
#define __NVFUZZ_LINUX_WORKQUEUE_H

#include <linux/types.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
	bool pending;
};

#define INIT_WORK(w, f)		do { (w)->func = (f); (w)->pending = false; } while (0)

static inline bool schedule_work(struct work_struct *w)
{
	bool was = w->pending;

	w->pending = true;
	return !was;
}

static inline bool cancel_work_sync(struct work_struct *w)
{
	bool was = w->pending;

	w->pending = false;
	return was;
}

static inline bool flush_work(struct work_struct *w)
{
	return false;
}

#endif
