/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: one workqueue, run by the harness (nvfuzz_run_work())
 * where a kernel worker would run. A work item is queued at most once, as
 * in the kernel; one freed while still queued is found by ASan when the
 * queue runs.
 */
#ifndef __NVFUZZ_LINUX_WORKQUEUE_H
#define __NVFUZZ_LINUX_WORKQUEUE_H

#include <linux/types.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
	bool pending;
	struct work_struct *next;	/* in the queue while pending */
};

#define INIT_WORK(w, f) do {						\
	(w)->func = (f);						\
	(w)->pending = false;						\
	(w)->next = NULL;						\
} while (0)

bool schedule_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool flush_work(struct work_struct *work);

#endif
