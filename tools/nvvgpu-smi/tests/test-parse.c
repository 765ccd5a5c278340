// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of nvvgpu-smi's parsers of the sysfs ABI and of its output
 * formats, on the host: make -C tools/nvvgpu-smi check.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "smi.h"

static unsigned int passed, failed;

#define CHECK(cond) do {						\
	if (cond) {							\
		passed++;						\
	} else {							\
		failed++;						\
		printf("not ok: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	}								\
} while (0)

static void test_numbers(void)
{
	unsigned int u;
	__u64 v;

	CHECK(!smi_parse_u64("0", &v) && v == 0);
	CHECK(!smi_parse_u64("0042", &v) && v == 42);
	CHECK(!smi_parse_u64("18446744073709551615", &v) && v == ULLONG_MAX);
	CHECK(smi_parse_u64("18446744073709551616", &v) == -ERANGE);
	CHECK(smi_parse_u64("", &v) == -EINVAL);
	CHECK(smi_parse_u64("-1", &v) == -EINVAL);
	CHECK(smi_parse_u64(" 1", &v) == -EINVAL);
	CHECK(smi_parse_u64("1 ", &v) == -EINVAL);
	CHECK(smi_parse_u64("2ms", &v) == -EINVAL);
	CHECK(smi_parse_u64("0x10", &v) == -EINVAL);
	CHECK(!smi_parse_uint("4294967295", &u) && u == UINT_MAX);
	CHECK(smi_parse_uint("4294967296", &u) == -ERANGE);
}

static void test_uuid(void)
{
	CHECK(smi_is_uuid("3b9e61f4-0d7a-4c58-b2e1-5c4ed0000001"));
	CHECK(smi_is_uuid("3B9E61F4-0D7A-4C58-B2E1-5C4ED0000001"));
	CHECK(!smi_is_uuid("3b9e61f4-0d7a-4c58-b2e1-5c4ed000000"));
	CHECK(!smi_is_uuid("3b9e61f4-0d7a-4c58-b2e1-5c4ed00000011"));
	CHECK(!smi_is_uuid("3b9e61f4x0d7a-4c58-b2e1-5c4ed0000001"));
	CHECK(!smi_is_uuid("3b9e61f4-0d7a-4c58-b2e1-5c4ed000000g"));
	CHECK(!smi_is_uuid(""));
	CHECK(!smi_is_uuid("weight=3"));
}

static void test_description(void)
{
	struct smi_type t;
	char doc[160];

	/* sysfs-bus-mdev-nvvgpu's example */
	snprintf(doc, sizeof(doc), "%s, %s, %s",
		 "class=Quadro, framebuffer=2048M, max_instance=8",
		 "bar1=256M, channels=64", "device=10de:2236, subsystem=10de:1681");
	memset(&t, 0, sizeof(t));
	CHECK(!smi_parse_description(doc, &t));
	CHECK(!strcmp(t.class, "Quadro"));
	CHECK(t.fb_mib == 2048);
	CHECK(t.max_instances == 8);
	CHECK(t.bar1_mib == 256);
	CHECK(t.channels == 64);
	CHECK(!strcmp(t.device, "10de:2236"));
	CHECK(!strcmp(t.subsystem, "10de:1681"));

	/* keys may be added at the end, or anywhere: parse by key */
	memset(&t, 0, sizeof(t));
	CHECK(!smi_parse_description("heads=4, framebuffer=1024M, class=Compute, ecc=1",
				     &t));
	CHECK(t.fb_mib == 1024 && !strcmp(t.class, "Compute"));
	CHECK(smi_parse_description("framebuffer=2048", &t) == -EINVAL);
	CHECK(smi_parse_description("framebuffer=M", &t) == -EINVAL);
	CHECK(smi_parse_description("channels=many", &t) == -EINVAL);
	CHECK(!smi_parse_description("", &t));
}

static void test_stats(void)
{
	static const char text[] =
		"policy best_effort\n"
		"slices 1250\n"
		"granted_ns 2496130212\n"
		"wait_ns 2501877345\n"
		"idle_ns 0\n"
		"preemptions 1249\n"
		"preempt_ns 31045678\n"
		"preempt_timeouts 3\n"
		"gr0_busy_ns 2480114527\n"
		"gr0_jobs 12480\n"
		"gr0_ctxsw_ns 13122080\n"
		"ce0_busy_ns 7\n"
		"ce0_jobs 1\n"
		"ce0_ctxsw_ns 0\n"
		"future_key 5\n"
		"ce1_busy_ns 0\n"
		"ce1_jobs 0\n"
		"ce1_ctxsw_ns 9\n";
	struct smi_stats st;

	CHECK(!smi_parse_stats(text, &st));
	CHECK(st.valid);
	CHECK(!strcmp(st.policy, "best_effort"));
	CHECK(st.slices == 1250 && st.granted_ns == 2496130212ull);
	CHECK(st.wait_ns == 2501877345ull && st.idle_ns == 0);
	CHECK(st.preemptions == 1249 && st.preempt_ns == 31045678);
	CHECK(st.preempt_timeouts == 3);
	/* future_key reads as an engine "future" with nothing: harmless */
	CHECK(st.num_engines == 3);
	CHECK(!strcmp(st.engine[0].name, "gr0") &&
	      st.engine[0].busy_ns == 2480114527ull &&
	      st.engine[0].jobs == 12480 &&
	      st.engine[0].ctxsw_ns == 13122080);
	CHECK(!strcmp(st.engine[1].name, "ce0") && st.engine[1].busy_ns == 7);
	CHECK(!strcmp(st.engine[2].name, "ce1") &&
	      st.engine[2].ctxsw_ns == 9);

	CHECK(!smi_parse_stats("policy arr\nslices 1", &st) && st.slices == 1);
	CHECK(smi_parse_stats("slices\n", &st) == -EINVAL);
	CHECK(smi_parse_stats("slices many\n", &st) == -EINVAL);
	CHECK(!smi_parse_stats("", &st) && st.valid && !st.num_engines);
}

static void test_log(void)
{
	struct smi_log_entry e;
	char line[257];

	memset(line, ' ', 255);
	memcpy(line, "# engine timestamp_ns", 21);
	line[255] = '\n';
	line[256] = 0;
	CHECK(smi_parse_log_line(line, &e) == 1);
	CHECK(smi_parse_log_line("", &e) == 1);

	memset(line, ' ', 255);
	memcpy(line, "gr0 5123456789012 41230577 1998212 1 0 2000000 210455 0 1",
	       57);
	CHECK(!smi_parse_log_line(line, &e));
	CHECK(!strcmp(e.engine, "gr0"));
	CHECK(e.timestamp_ns == 5123456789012ull);
	CHECK(e.time_run_total_ns == 41230577 && e.time_run_ns == 1998212);
	CHECK(e.swrl_id == 1 && e.vgpu == 0);
	CHECK(e.target_slice_ns == 2000000);
	CHECK(e.cumulative_preemption_ns == 210455);
	CHECK(e.cumulative_idle_ns == 0 && e.weight == 1);

	CHECK(!smi_parse_log_line("ce1 1 0 0 0 -2 2000000 0 5 3\n", &e) &&
	      e.vgpu == -2 && e.weight == 3 && e.cumulative_idle_ns == 5);
	CHECK(smi_parse_log_line("gr0 1 2 3 4 5 6 7 8\n", &e) == -EINVAL);
	CHECK(smi_parse_log_line("gr0 1 2 3 4 5 6 7 8 9 10\n", &e) == -EINVAL);
	CHECK(smi_parse_log_line("gr0 1 2 3 4 x 6 7 8 9\n", &e) == -EINVAL);
}

static void test_providers(void)
{
	char name[8];

	CHECK(!smi_parse_providers("[timeslice] firmware", name, sizeof(name)) &&
	      !strcmp(name, "timesli"));
	CHECK(!smi_parse_providers("timeslice [fw]", name, sizeof(name)) &&
	      !strcmp(name, "fw"));
	CHECK(!smi_parse_providers("gsp", name, sizeof(name)) && !name[0]);
	CHECK(!smi_parse_providers("", name, sizeof(name)) && !name[0]);
	CHECK(smi_parse_providers("[gsp", name, sizeof(name)) == -EINVAL);
	CHECK(smi_parse_providers("[] gsp", name, sizeof(name)) == -EINVAL);
}

/* what the output calls print in @fmt */
static char *render(enum smi_format fmt, bool two_rows)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	out_init(fmt, f);
	out_begin();
	out_table("other", 0);
	out_row();
	out_u64("x", 18446744073709551615ull, 0);
	out_row_end();
	out_table_end();
	out_table("main", OUT_PRIMARY);
	out_row();
	out_str("s", "a \"b\",\tc", 0);
	out_u64("n", 42, 0);
	out_s64("p", -1, OUT_NOTEXT);
	out_bool("b", true, 0);
	out_dbl("d", 12.345, 1, true, 0);
	out_null("z", 0);
	out_row_end();
	if (two_rows) {
		out_row();
		out_str("s", "z", 0);
		out_u64("n", 0, 0);
		out_s64("p", 7, OUT_NOTEXT);
		out_bool("b", false, 0);
		out_dbl("d", 0, 1, false, 0);
		out_str("z", "\xc3\xa9", 0);
		out_row_end();
	}
	out_table_end();
	if (out_end())
		CHECK(!"out_end");
	fclose(f);
	return buf;
}

static void test_output(void)
{
	static const char json[] =
		"{\n  \"other\": [\n    {\"x\": 18446744073709551615}\n  ],\n"
		"  \"main\": [\n"
		"    {\"s\": \"a \\\"b\\\",\\u0009c\", \"n\": 42, \"p\": -1, \"b\": true, \"d\": 12.3, \"z\": null},\n"
		"    {\"s\": \"z\", \"n\": 0, \"p\": 7, \"b\": false, \"d\": null, \"z\": \"\\u00c3\\u00a9\"}\n"
		"  ]\n}\n";
	static const char csv[] =
		"s,n,p,b,d,z\n"
		"\"a \"\"b\"\",\tc\",42,-1,true,12.3,\n"
		"z,0,7,false,,\xc3\xa9\n";
	static const char text[] =
		"X\n18446744073709551615\n\n"
		"S         N   B    D     Z\n"
		"a \"b\",\tc  42  yes  12.3  -\n";
	char *s;

	s = render(SMI_FMT_JSON, true);
	CHECK(s && !strcmp(s, json));
	free(s);
	s = render(SMI_FMT_CSV, true);
	CHECK(s && !strcmp(s, csv));
	free(s);
	s = render(SMI_FMT_TEXT, false);
	CHECK(s && !strcmp(s, text));
	free(s);
}

int main(void)
{
	test_numbers();
	test_uuid();
	test_description();
	test_stats();
	test_log();
	test_providers();
	test_output();
	printf("test-parse: %u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
