/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: the fuzz target runs one thread, so a mutex is a flag.
 * Taking a held mutex is the deadlock it would be in the kernel, and
 * releasing a free one is a bug: both abort.
 */
#ifndef __NVFUZZ_LINUX_MUTEX_H
#define __NVFUZZ_LINUX_MUTEX_H

#include <linux/bug.h>
#include <linux/types.h>

struct mutex {
	bool held;
};

#define DEFINE_MUTEX(name)	struct mutex name = { .held = false }

static inline void mutex_init(struct mutex *m)
{
	m->held = false;
}

static inline void mutex_destroy(struct mutex *m)
{
	if (m->held)
		nvfuzz_bug("mutex %p destroyed while held", (void *)m);
}

#define mutex_lock(m) do {						\
	if ((m)->held)							\
		nvfuzz_bug("deadlock: %s taken again at %s:%d", #m,	\
			   __FILE__, __LINE__);				\
	(m)->held = true;						\
} while (0)

#define mutex_unlock(m) do {						\
	if (!(m)->held)							\
		nvfuzz_bug("%s released but not held at %s:%d", #m,	\
			   __FILE__, __LINE__);				\
	(m)->held = false;						\
} while (0)

static inline bool mutex_trylock(struct mutex *m)
{
	if (m->held)
		return false;
	m->held = true;
	return true;
}

static inline bool mutex_is_locked(struct mutex *m)
{
	return m->held;
}

#endif
