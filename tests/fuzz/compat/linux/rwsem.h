/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: an rwsem counts its readers and notes a writer. In
 * one thread, any wait for it would be for ever: taking it for writing
 * while held, or for reading while written, aborts as the deadlock it is.
 */
#ifndef __NVFUZZ_LINUX_RWSEM_H
#define __NVFUZZ_LINUX_RWSEM_H

#include <linux/bug.h>
#include <linux/types.h>

struct rw_semaphore {
	bool held;		/* in either mode, for lockdep_assert_held() */
	bool writer;
	unsigned int readers;
};

#define DECLARE_RWSEM(name)	struct rw_semaphore name = { 0 }

static inline void init_rwsem(struct rw_semaphore *s)
{
	s->held = false;
	s->writer = false;
	s->readers = 0;
}

#define down_read(s) do {						\
	if ((s)->writer)						\
		nvfuzz_bug("deadlock: %s read while written at %s:%d",	\
			   #s, __FILE__, __LINE__);			\
	(s)->readers++;							\
	(s)->held = true;						\
} while (0)

#define up_read(s) do {							\
	if (!(s)->readers)						\
		nvfuzz_bug("%s: up_read without down_read at %s:%d",	\
			   #s, __FILE__, __LINE__);			\
	(s)->held = --(s)->readers;					\
} while (0)

#define down_write(s) do {						\
	if ((s)->held)							\
		nvfuzz_bug("deadlock: %s written while held at %s:%d",	\
			   #s, __FILE__, __LINE__);			\
	(s)->writer = true;						\
	(s)->held = true;						\
} while (0)

#define up_write(s) do {						\
	if (!(s)->writer)						\
		nvfuzz_bug("%s: up_write without down_write at %s:%d",	\
			   #s, __FILE__, __LINE__);			\
	(s)->writer = false;						\
	(s)->held = false;						\
} while (0)

static inline bool down_read_trylock(struct rw_semaphore *s)
{
	if (s->writer)
		return false;
	s->readers++;
	s->held = true;
	return true;
}

static inline bool down_write_trylock(struct rw_semaphore *s)
{
	if (s->held)
		return false;
	s->writer = true;
	s->held = true;
	return true;
}

#define downgrade_write(s) do {						\
	up_write(s);							\
	down_read(s);							\
} while (0)

#define lockdep_assert_held_write(s) do {				\
	if (!(s)->writer)						\
		nvfuzz_bug("lockdep: %s not written at %s:%d", #s,	\
			   __FILE__, __LINE__);				\
} while (0)

#define lockdep_assert_held_read(s) do {				\
	if (!(s)->readers)						\
		nvfuzz_bug("lockdep: %s not read at %s:%d", #s,	\
			   __FILE__, __LINE__);				\
} while (0)

#endif
