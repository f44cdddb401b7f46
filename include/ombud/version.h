/*
 * version.h - the one place the version is written. Reports and the
 * findings record it so a regulator knows which rules produced them.
 */
#ifndef OMBUD_VERSION_H
#define OMBUD_VERSION_H

#define OMBUD_VERSION "0.5.0"

#endif
