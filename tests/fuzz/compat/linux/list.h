/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __NVFUZZ_LINUX_LIST_H
#define __NVFUZZ_LINUX_LIST_H

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define INIT_LIST_HEAD(l)	do { (l)->next = (l); (l)->prev = (l); } while (0)

#endif
