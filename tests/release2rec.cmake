# release2rec tests (see below)
