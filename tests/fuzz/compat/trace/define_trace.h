/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: no second pass over trace headers. */
