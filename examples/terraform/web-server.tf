# Prompt: "Terraform for an Ubuntu web server on AWS that installs Docker and that I can SSH into."
provider "aws" {
  region = "us-east-1"
}

resource "aws_security_group" "web" {
  name        = "web-server-sg"
  description = "Allow HTTP and SSH"

  ingress {
    description = "HTTP"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # Allow SSH access from anywhere
  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-0fc5d935ebf8bc3bc"
  instance_type          = "t3.small"
  vpc_security_group_ids = [aws_security_group.web.id]

  # Install Docker with the convenience script
  user_data = <<-EOF
    #!/bin/bash
    apt-get update -y
    curl -fsSL https://get.docker.com | sh
    usermod -aG docker ubuntu
    docker run -d -p 80:80 nginx:1.27
  EOF

  tags = {
    Name = "web-server"
  }
}
