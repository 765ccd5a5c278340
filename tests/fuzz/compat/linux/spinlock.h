/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: a spinlock is a flag, checked like a mutex. */
#ifndef __NVFUZZ_LINUX_SPINLOCK_H
#define __NVFUZZ_LINUX_SPINLOCK_H

#include <linux/mutex.h>

typedef struct mutex spinlock_t;

#define spin_lock_init(l)		mutex_init(l)
#define spin_lock(l)			mutex_lock(l)
#define spin_unlock(l)			mutex_unlock(l)
#define spin_lock_irqsave(l, f)		do { (f) = 0; mutex_lock(l); } while (0)
#define spin_unlock_irqrestore(l, f)	do { (void)(f); mutex_unlock(l); } while (0)
#define spin_lock_irq(l)		mutex_lock(l)
#define spin_unlock_irq(l)		mutex_unlock(l)

#endif
