"""The financing lifecycle: lenders, products, applications, offers and loans.

Each state transition is one service function: it checks the actor's right
and the current state, writes the change and an audit record in one
transaction, and records the timestamp of the change. docs/financing.md
describes the lifecycle as a whole.
"""
