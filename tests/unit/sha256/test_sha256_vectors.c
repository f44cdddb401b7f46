/*
 * test_sha256_vectors.c - the FIPS 180-2 test vectors, fed whole and in
 * pieces, and the finished digest staying put.
 */
#include "testutil.h"
#include "ombud/sha256.h"

static const char *hash_in_pieces(ombud_sha256 *h, const char *s, size_t step)
{
    size_t n = strlen(s);

    for (size_t i = 0; i < n; i += step)
        ombud_sha256_update(h, s + i, n - i < step ? n - i : step);
    return ombud_sha256_hex(h);
}

/* 1: "", "abc" and the two-block message, whole and byte by byte. */
static void test_vectors(void **state)
{
    static const struct { const char *in, *hex; } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        for (size_t step = 1; step <= 64; step *= 64) {
            ombud_sha256 *h = ombud_sha256_new();
            assert_non_null(h);
            assert_string_equal(hash_in_pieces(h, v[i].in, step), v[i].hex);
            ombud_sha256_free(h);
        }
    }
}

/* 2: the digest is final: asking twice, or feeding more, changes nothing. */
static void test_final(void **state)
{
    ombud_sha256 *h = ombud_sha256_new();
    char first[65];

    (void)state;
    ombud_sha256_update(h, "abc", 3);
    snprintf(first, sizeof first, "%s", ombud_sha256_hex(h));
    ombud_sha256_update(h, "more", 4);
    assert_string_equal(ombud_sha256_hex(h), first);
    ombud_sha256_free(h);
    ombud_sha256_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_final),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
