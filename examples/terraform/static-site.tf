# Clean: what a careful version looks like. HTTPS is meant to be public; SSH is only from the
# VPN; the database password comes from a generated secret; the installer is checked before it
# runs. Nothing here is reported.
variable "vpn_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

resource "aws_security_group" "site" {
  name        = "static-site-sg"
  description = "Public HTTPS, SSH from the VPN only"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH from the VPN"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.vpn_cidr]
  }
}

resource "random_password" "db" {
  length  = 32
  special = true
}

resource "aws_db_instance" "site" {
  identifier          = "site-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "site"
  password            = random_password.db.result
  skip_final_snapshot = true
}

resource "aws_instance" "site" {
  ami                    = "ami-0fc5d935ebf8bc3bc"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.site.id]

  user_data = <<-EOF
    #!/bin/bash
    set -euo pipefail
    curl -fsSLo /tmp/caddy.deb https://github.com/caddyserver/caddy/releases/download/v2.8.4/caddy_2.8.4_linux_amd64.deb
    echo "3e1e2ab4a0b3b3d8b2d1b9a2f5c6e7d8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4  /tmp/caddy.deb" | sha256sum -c -
    dpkg -i /tmp/caddy.deb
  EOF
}
