// Imports add and mul from the module "mathlib" (an import module of the job) and prints what they return.
#include <stdio.h>

__attribute__((import_module("mathlib"), import_name("add"))) int add(int a, int b);
__attribute__((import_module("mathlib"), import_name("mul"))) int mul(int a, int b);

int main(void) {
    printf("add(2,3)=%d mul(4,5)=%d\n", add(2, 3), mul(4, 5));
    return 0;
}
