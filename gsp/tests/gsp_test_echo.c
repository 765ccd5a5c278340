// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_gsp_test: the echo, an RPC of any size through the transport to
 * the GSP emulator and back (NVVGPU_EMU_CTRL_CMD_ECHO), checked byte by
 * byte. Also compiled into the fuzz harness (tests/fuzz), whose echo
 * scenario drives the transport's continuation records with it.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/device.h>
#include <linux/overflow.h>
#include <linux/slab.h>

#include <nvvgpu/abi/gsp_rm.h>

#include "../gsp.h"
#include "../gsp_test.h"

static u8 gsp_test_echo_byte(u64 cookie, u32 i)
{
	return (u8)(i * 131) ^ (u8)(cookie >> (8 * (i & 7)));
}

/**
 * gsp_test_echo() - run the emulator's echo control and check the reply
 * @gsp: the transport
 * @size: bytes of echo data, up to %NVVGPU_EMU_ECHO_MAX_DATA; beyond 65432
 *	the request and the reply travel as continuation records
 * @flags: %NVVGPU_EMU_ECHO_INVERT
 * @cookie: a value unique to this call, so that a reply to another call
 *	is caught
 *
 * The control goes through the transport's duplicate of GSP-RM's internal
 * subdevice (made when the static information is read), so that a failed or
 * missing duplication shows here.
 *
 * Context: process context; the caller holds &nvvgpu_gsp.reset_sem for
 * reading.
 * Return: 0; -EINVAL for bad arguments; -ENODEV without an RM client or the
 * duplicate; -EPROTO if the reply is not the echo of this request; or the
 * RPC's errno.
 */
int gsp_test_echo(struct nvvgpu_gsp *gsp, u32 size, u32 flags, u64 cookie)
{
	struct nvvgpu_emu_echo_params *p;
	u32 len, i;
	u8 want;
	int ret;

	if (size > NVVGPU_EMU_ECHO_MAX_DATA || flags & ~NVVGPU_EMU_ECHO_INVERT)
		return -EINVAL;
	if (!gsp->h_client || !gsp->h_internal_dup)
		return -ENODEV;
	len = struct_size(p, data, size);
	p = kvmalloc(len, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->cookie = cookie;
	p->flags = flags;
	p->size = size;
	for (i = 0; i < size; i++)
		p->data[i] = gsp_test_echo_byte(cookie, i);

	/* through the duplicate of the internal subdevice: it works as any */
	ret = gsp_rm_control(gsp, gsp->h_client, gsp->h_internal_dup,
			     NVVGPU_EMU_CTRL_CMD_ECHO, p, len);
	if (ret)
		goto out;
	if (p->cookie != ~cookie || p->size != size || p->flags != flags) {
		dev_err(gsp->dev,
			"echo reply is not this request's: cookie %#llx size %u, sent cookie %#llx size %u\n",
			~p->cookie, p->size, cookie, size);
		ret = -EPROTO;
		goto out;
	}
	for (i = 0; i < size; i++) {
		want = gsp_test_echo_byte(cookie, i);
		if (flags & NVVGPU_EMU_ECHO_INVERT)
			want = ~want;
		if (p->data[i] != want) {
			dev_err(gsp->dev, "echo reply differs at byte %u of %u\n",
				i, size);
			ret = -EPROTO;
			goto out;
		}
	}
out:
	kvfree(p);
	return ret;
}
