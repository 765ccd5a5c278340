/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_RCUPDATE_H
#define __NVFUZZ_LINUX_RCUPDATE_H

/* single-threaded harness: RCU readers and grace periods are no-ops */
struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

#define rcu_read_lock()			do { } while (0)
#define rcu_read_unlock()		do { } while (0)
#define rcu_dereference(p)		(p)
#define rcu_assign_pointer(p, v)	((p) = (v))
#define synchronize_rcu()		do { } while (0)

#endif
