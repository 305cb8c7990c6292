"""Qt widgets over the nn_review core (the core never imports Qt; widgets hold no business logic)."""
