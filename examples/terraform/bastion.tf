# A bastion host. Its security group is open to the world on purpose: the subnet's network ACL
# admits only the office range, which AUP Guard cannot see from this file. The suppression says
# so, and expires, so the decision is reviewed again.
resource "aws_security_group" "bastion" {
  name        = "bastion-sg"
  description = "SSH to the bastion"

  # aup-guard-ignore AUP-NET-001: bastion is restricted by NACL until=2027-03-31
  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
