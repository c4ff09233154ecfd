#!/usr/bin/env bash
echo "golden: no cases yet"
